import { callOperation } from '../call';
import { checkFileUrl, FILE_FIELD, FILE_LABEL, MAX_ZAPIER_VIDEO_BYTES, zapierDownloader } from '../download';
import { guarded } from '../errors';
import { inputFieldsFor } from '../fields';
import type { CreateDef } from '../types';

/**
 * Streams the mapped file into a new running session and returns at once with its id. It never
 * waits for processing (Zapier steps stop after 30 s): a second zap starting with
 * "New Session Processed" picks the session up when its reports are ready.
 */
const uploadVideo: CreateDef = {
  key: 'upload_video',
  noun: 'Session',
  display: {
    label: 'Upload Video',
    description:
      'Creates a running session from a video file and starts its analysis. Returns at once; use New Session Processed to continue when results are ready.',
  },
  operation: {
    // The file first: it is what the user maps from the triggering app.
    inputFields: inputFieldsFor('running.createSession', {
      overrides: {
        [FILE_FIELD]: {
          type: 'file',
          label: FILE_LABEL,
          helpText:
            `The video to analyse (MP4 or MOV; WebM, MKV and AVI work too), e.g. a file from Google Drive, Dropbox or an email attachment, up to ${MAX_ZAPIER_VIDEO_BYTES / 1e6} MB. ` +
            'It is streamed to AIKYNETIX, not stored by Zapier. Larger videos: use the AIKYNETIX n8n node or CLI.',
          placeholder: undefined,
        },
      },
    }).sort((a, b) => Number(b.key === FILE_FIELD) - Number(a.key === FILE_FIELD)),
    perform: async (z, bundle) => {
      const url = await guarded(z, bundle, async () => checkFileUrl(bundle.inputData?.[FILE_FIELD]));
      const created = await callOperation(z, bundle, 'running.createSession', {
        extra: { [FILE_FIELD]: url },
        core: { download: zapierDownloader(z) },
      });
      const id = String(created.session_id);
      return {
        id,
        session_id: id,
        title: typeof created.title === 'string' ? created.title : null,
        status: 'processing',
        user_id: String(bundle.inputData?.user_id ?? '').trim() || null,
      };
    },
    outputFields: [
      { key: 'id', label: 'Session ID' },
      { key: 'title', label: 'Session Title' },
      { key: 'status', label: 'Status (processing until New Session Processed fires)' },
      { key: 'user_id', label: 'Athlete User ID' },
    ],
    sample: {
      id: 'V1StGXR8Z5jdHi6BmyTq',
      session_id: 'V1StGXR8Z5jdHi6BmyTq',
      title: 'Treadmill 12 km/h, 1% incline',
      status: 'processing',
      user_id: 'athlete-7Qd2',
    },
  },
};

export default uploadVideo;
