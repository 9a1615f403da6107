import * as fs from 'fs';
import * as path from 'path';
import { GenesysError, cutScrubbed } from '../genesys/genesys-error';

/**
 * Largest payload the flow check reads. A rendered flow is a few kilobytes (the largest real Architect
 * exports are well under a megabyte); anything near this is not a flow file.
 */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

const WHERE = 'FLOW_CHECK_INPUT.payloadPath';
const FIX =
  'payloadPath must be the relative path of the rendered flow file inside the stack folder (the asset path cdktf synthesizes); re-synthesize and apply the stack';

function refuse(why: string, payloadPath: string, where: string): GenesysError {
  // The path is shown (bounded, JSON-escaped); the file's content never is.
  return new GenesysError('GC4008', where, why, cutScrubbed(payloadPath, 200), FIX);
}

/**
 * Reads the rendered flow the check compares with, confined to the stack folder (`stackDir`, the
 * working directory Terraform runs the provisioner in). Refused with GC4008 (the handler then exits 2),
 * without reading or echoing the file: an absolute path, a path with `..` segments or a NUL byte, a
 * path that leaves the folder through a symbolic link (both sides resolved with realpath), a file that
 * does not exist, anything that is not a regular file (a directory, the stack folder itself, a FIFO, a
 * device), a file with more than one hard link, and a file larger than {@link MAX_PAYLOAD_BYTES}. The
 * file is opened without following a last symbolic link and checked again on the open descriptor, and
 * never more than the limit is read.
 *
 * Hard links: a hard link inside the folder to a file outside it is the same file under two names, and
 * nothing on the link tells which name is "inside". cdktf writes the rendered flow as a fresh file (one
 * link), so a file with more than one link is refused.
 */
export function readPayloadFile(stackDir: string, payloadPath: string, where = WHERE): string {
  if (typeof payloadPath !== 'string' || payloadPath === '') throw refuse('is empty', String(payloadPath), where);
  if (payloadPath.includes('\0')) throw refuse('contains a NUL byte', payloadPath, where);
  if (path.posix.isAbsolute(payloadPath) || path.win32.isAbsolute(payloadPath))
    throw refuse('is an absolute path; only a path relative to the stack folder is accepted', payloadPath, where);
  if (payloadPath.split(/[\\/]+/).includes('..'))
    throw refuse('contains ".." segments; only a path inside the stack folder is accepted', payloadPath, where);

  let root: string;
  try {
    root = fs.realpathSync(stackDir);
  } catch {
    throw refuse('cannot be resolved: the stack folder (the working directory) is not readable', payloadPath, where);
  }
  let real: string;
  try {
    real = fs.realpathSync(path.join(root, payloadPath));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw refuse(
      code === 'ENOENT' || code === 'ENOTDIR' ? 'names no file in the stack folder' : `cannot be resolved (${code ?? 'error'})`,
      payloadPath,
      where,
    );
  }
  const relative = path.relative(root, real);
  if (relative === '') throw refuse('is not a regular file (it names the stack folder itself)', payloadPath, where);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw refuse('leads outside the stack folder (through a symbolic link)', payloadPath, where);
  }

  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the resolved path must not have become a link.
    fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw refuse(`cannot be opened (${(err as NodeJS.ErrnoException).code ?? 'error'})`, payloadPath, where);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw refuse('is not a regular file', payloadPath, where);
    if (stat.nlink > 1) {
      throw refuse(
        `is a file with ${stat.nlink} hard links; a hard link may make a file outside the stack folder appear inside it, so only a file with a single link (as cdktf writes it) is read`,
        payloadPath,
        where,
      );
    }
    if (stat.size > MAX_PAYLOAD_BYTES)
      throw refuse(`is ${stat.size} bytes, more than the ${MAX_PAYLOAD_BYTES} a flow file may have`, payloadPath, where);
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_PAYLOAD_BYTES) + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = fs.readSync(fd, buffer, length, buffer.length - length, length)) > 0;) length += n;
    if (length > stat.size) throw refuse('changed while it was read', payloadPath, where);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
