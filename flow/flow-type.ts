/** Architect flow types this project renders, as the lower-case names Architect uses in settings. */
export type FlowType = 'inboundcall' | 'commonmodule' | 'inqueuecall';

/** The camelCase top-level YAML key and the provider/API type name of each flow type. */
export const FLOW_TYPE_INFO: Record<FlowType, { yamlKey: string; apiType: string }> = {
  inboundcall: { yamlKey: 'inboundCall', apiType: 'INBOUNDCALL' },
  commonmodule: { yamlKey: 'commonModule', apiType: 'COMMONMODULE' },
  inqueuecall: { yamlKey: 'inqueueCall', apiType: 'INQUEUECALL' },
};
