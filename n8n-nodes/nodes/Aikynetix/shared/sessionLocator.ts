import type { INodeProperties } from 'n8n-workflow';

/** Session IDs are Firestore-style ids: letters, digits, '_' and '-'. */
const ID_REGEX = '[A-Za-z0-9_-]+';
/** Any AIKYNETIX link that names the session, e.g. https://api.aikynetix.app/running/sessions/<id>/. */
const URL_REGEX = `^https?://[^\\s]*/sessions/(${ID_REGEX})(?:[/?#].*)?$`;

/** The list methods of the Session picker: every session, or only those with reports. */
export type SessionListMethod = 'searchSessions' | 'searchProcessedSessions';

/** The "Session" resource locator: pick from a searchable list, paste an ID, or paste a link. */
export function sessionLocator(description: string, listMethod: SessionListMethod = 'searchSessions'): INodeProperties {
	return {
		displayName: 'Session',
		name: 'sessionId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a session...',
				typeOptions: { searchListMethod: listMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. f3K9x2LmQp7RtVw8YzA1',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^${ID_REGEX}$`,
							errorMessage: 'A session ID has only letters, digits, "_" and "-"',
						},
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://api.aikynetix.app/running/sessions/f3K9x2LmQp7RtVw8YzA1/',
				extractValue: { type: 'regex', regex: URL_REGEX },
				validation: [
					{
						type: 'regex',
						properties: { regex: URL_REGEX, errorMessage: 'Not a link that contains /sessions/<session ID>' },
					},
				],
			},
		],
	};
}
