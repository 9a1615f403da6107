/**
 * Enum values the platform documents for the requests and answers the emulator implements, copied
 * from the sources named on each (see CONTRACT.md). A value outside a request enum is refused with 400.
 */

/** `GET /api/v2/flows?type=`: PY build/docs/ArchitectApi.md (get_flows, `type` values). */
export const FLOW_LIST_TYPES = [
  'bot',
  'commonmodule',
  'digitalbot',
  'inboundcall',
  'inboundchat',
  'inboundemail',
  'inboundshortmessage',
  'outboundcall',
  'inqueuecall',
  'inqueueemail',
  'inqueueshortmessage',
  'speech',
  'securecall',
  'surveyinvite',
  'voice',
  'voicemail',
  'voicesurvey',
  'workflow',
  'workitem',
] as const;

/**
 * `objectType` of `GET /api/v2/architect/dependencytracking/consumingresources` and
 * `.../consumedresources`: PY build/docs/ArchitectApi.md (get_architect_dependencytracking_consumingresources,
 * get_architect_dependencytracking_consumedresources; both list the same values).
 */
export const DEPENDENCY_OBJECT_TYPES = [
  'ACDLANGUAGE',
  'ACDSKILL',
  'ACDWRAPUPCODE',
  'AUDIOCONNECTORBOT',
  'BOTCONNECTORBOT',
  'BOTCONNECTORINTEGRATION',
  'BOTFLOW',
  'BRIDGEACTION',
  'COMMONMODULEFLOW',
  'COMPOSERSCRIPT',
  'CONTACTLIST',
  'DATAACTION',
  'DATATABLE',
  'DECISIONTABLE',
  'DIALOGENGINEBOT',
  'DIALOGENGINEBOTVERSION',
  'DIALOGFLOWAGENT',
  'DIALOGFLOWCXAGENT',
  'DIGITALBOTCONNECTOR',
  'DIGITALBOTFLOW',
  'EMAILROUTE',
  'EMERGENCYGROUP',
  'FLOWACTION',
  'FLOWDATATYPE',
  'FLOWMILESTONE',
  'FLOWOUTCOME',
  'GRAMMAR',
  'GROUP',
  'IMAGE',
  'INBOUNDCALLFLOW',
  'INBOUNDCHATFLOW',
  'INBOUNDEMAILFLOW',
  'INBOUNDSHORTMESSAGEFLOW',
  'INQUEUECALLFLOW',
  'INQUEUEEMAILFLOW',
  'INQUEUESHORTMESSAGEFLOW',
  'IVRCONFIGURATION',
  'KNOWLEDGEBASE',
  'KNOWLEDGEBASEDOCUMENT',
  'LANGUAGE',
  'LEXBOT',
  'LEXBOTALIAS',
  'LEXV2BOT',
  'LEXV2BOTALIAS',
  'NLUDOMAIN',
  'NUANCEMIXBOT',
  'NUANCEMIXINTEGRATION',
  'OAUTHCLIENT',
  'OUTBOUNDCALLFLOW',
  'QUEUE',
  'RECORDINGPOLICY',
  'RESPONSE',
  'SCHEDULE',
  'SCHEDULEGROUP',
  'SECUREACTION',
  'SECURECALLFLOW',
  'SMSPHONENUMBER',
  'STTENGINE',
  'SURVEYFORM',
  'SURVEYINVITEFLOW',
  'SYSTEMPROMPT',
  'TTSENGINE',
  'TTSVOICE',
  'USER',
  'USERPROMPT',
  'UTILIZATIONLABEL',
  'VOICEFLOW',
  'VOICEMAILFLOW',
  'VOICESURVEYFLOW',
  'WIDGET',
  'WORKFLOW',
  'WORKITEMFLOW',
  'WORKTYPE',
] as const;

/** `flowFilter` of consumingresources: PY build/docs/ArchitectApi.md ("Show only checkedIn or published flows"). */
export const FLOW_FILTERS = ['checkedIn', 'published'] as const;

/** `ExportDetails.exportType`: PY build/docs/ExportDetails.md (default Yaml). */
export const EXPORT_TYPES = ['Architect', 'Yaml'] as const;

/** Import and export job `status` (rule 9): JAVA ArchitectJobStateResponse.java, ArchitectExportJobStateResponse.java. */
export type JobStatus = 'Registered' | 'Started' | 'Success' | 'Failure';

/** Job `command` (rule 9): JAVA ArchitectJobStateResponse.java. */
export type JobCommand = 'Publish' | 'Create' | 'Update' | 'Export';

/** Job message `type` (rule 9): JAVA ArchitectJobMessage.java. */
export type JobMessageType = 'Error' | 'Warning';
