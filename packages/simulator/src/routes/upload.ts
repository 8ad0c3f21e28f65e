import { promises as fs } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { athlete } from '../data/profile';
import { EXPORT_BYTES_PER_SAMPLE } from '../data/running';
import { JOINTS } from '../data/series';
import { badRequest } from '../http/errors';
import type { Sim } from '../sim';
import type { SessionRecord } from '../store/types';
import { formatDate, formatTime } from '../util/dates';
import { newSessionId } from '../util/ids';
import { videoKind } from '../upload/magic';
import { receiveMultipart, type ReceivedUpload } from '../upload/multipart';

/** Parses body_joint_angles from a comma-separated value and/or repeated fields. */
export function parseJoints(values: string[] | undefined): string[] {
  const names = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0 || names.includes('all')) return ['all'];
  for (const n of names) {
    if (!JOINTS.includes(n)) throw badRequest(`body_joint_angles: unknown joint '${n}' (allowed: ${JOINTS.join(', ')})`);
  }
  return [...new Set(names)];
}

/** Samples for a title asking for a large export, e.g. "Bench run [export:20mb]". */
export function samplesFromTitle(title: string): number | undefined {
  const m = /\[export:(\d+(?:\.\d+)?)mb\]/i.exec(title);
  if (!m) return undefined;
  return Math.max(60, Math.ceil((Number(m[1]) * 1_000_000) / EXPORT_BYTES_PER_SAMPLE));
}

function single(fields: Map<string, string[]>, name: string): string | undefined {
  const v = fields.get(name);
  return v && v.length > 0 ? v[v.length - 1] : undefined;
}

/** Checks the text fields; throws 400 naming the field. */
function checkFields(up: ReceivedUpload): { userId: string; title?: string; incline: number; joints: string[] } {
  const userId = single(up.fields, 'user_id')?.trim();
  if (!userId) throw badRequest("user_id is required (multipart text field 'user_id')");
  if (!up.file) {
    const extra = up.ignoredFiles.length ? ` (got file field(s): ${up.ignoredFiles.join(', ')})` : '';
    throw badRequest(`video is required: send the file in the multipart field 'video'${extra}`);
  }
  const inclineText = single(up.fields, 'incline_degree')?.trim();
  let incline = 0;
  if (inclineText) {
    incline = Number(inclineText);
    if (!Number.isFinite(incline)) throw badRequest(`incline_degree must be a number, got '${inclineText.slice(0, 40)}'`);
  }
  const joints = parseJoints([...(up.fields.get('body_joint_angles') ?? []), ...(up.fields.get('body_joint_angles[]') ?? [])]);
  const title = single(up.fields, 'session_name')?.trim() || undefined;
  return { userId, title, incline, joints };
}

/** `POST /running/sessions/` (and the curl's `/running/management/sessions/`): streamed upload. */
export async function createRunningSession(sim: Sim, request: FastifyRequest): Promise<{ session_id: string; title: string }> {
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) {
    throw badRequest(`Content-Type must be multipart/form-data (got '${type.split(';')[0] || 'none'}'): send user_id and the video file as form fields`);
  }
  const up = await receiveMultipart(request.raw, sim.store.videosDir);
  let fields: ReturnType<typeof checkFields>;
  try {
    fields = checkFields(up);
  } catch (err) {
    if (up.file) await fs.rm(up.file.path, { force: true });
    throw err;
  }
  const file = up.file!;
  const id = newSessionId();
  const now = new Date();
  const account = request.account!;
  let failureReason: string | undefined;
  if (file.size === 0) failureReason = 'The uploaded video is empty (0 bytes)';
  else if (!videoKind(file.head)) failureReason = 'The uploaded file is not a supported video (expected MP4/MOV, WebM/Matroska or AVI)';

  const storedName = `${id}.video`;
  await fs.rename(file.path, sim.store.videoPath(storedName));
  const title = fields.title ?? `Running session ${formatDate(now)} ${formatTime(now)}`;
  const session: SessionRecord = {
    id,
    activity: 'Running',
    title,
    userId: fields.userId,
    userName: athlete(fields.userId).displayName,
    uploadedBy: account.uid,
    uploadedName: account.name,
    createdAt: now.toISOString(),
    readyAt: new Date(now.getTime() + sim.settings.processingDelayMs).toISOString(),
    outcome: failureReason ? 'Failed' : 'Processed',
    failureReason,
    inclineDegree: fields.incline,
    bodyJointAngles: fields.joints,
    video: { file: storedName, size: file.size, filename: file.filename, contentType: file.mimeType },
    samples: samplesFromTitle(title),
  };
  sim.store.add(session);
  return { session_id: id, title };
}
