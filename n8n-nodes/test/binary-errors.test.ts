import { NodeOperationError, type INode } from 'n8n-workflow';
import { binaryModeOf, binaryReadError } from '../nodes/Aikynetix/shared/binaryErrors';

const node: INode = { id: 'n', name: 'Upload Video', type: 'n8n-nodes-aikynetix.aikynetix', typeVersion: 1, position: [0, 0], parameters: {} };
// n8n-core's own errors, as its binary data managers throw them (FileNotFoundError, FileTooLargeError).
const fileNotFound = Object.assign(new Error('File not found'), { name: 'FileNotFoundError' });
const tooLarge = new Error(
	'Failed to write binary file "big.mp4" (x) because its size of 12 MB exceeds the max size limit of 8 MB set for `database` mode. Consider increasing `N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE` up to 1 GB, or using S3 storage mode if you require writes larger than 1 GB.',
);

describe('binaryReadError: errors that explain n8n binary data modes in queue mode', () => {
	it('reads the mode from the binary id', () => {
		expect(binaryModeOf('filesystem-v2:workflows/1/executions/2/binary_data/abc')).toBe('filesystem');
		expect(binaryModeOf('database:workflows/1/executions/2/binary_data/abc')).toBe('database');
		expect(binaryModeOf(undefined)).toBe('default');
	});

	it('"File not found" in filesystem mode names queue mode and N8N_DEFAULT_BINARY_DATA_MODE', () => {
		const error = binaryReadError(node, fileNotFound, { itemIndex: 2, field: 'data', binaryId: 'filesystem-v2:workflows/1/executions/2/binary_data/abc' });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toMatch(/not on this n8n instance's disk/);
		expect(error?.description).toMatch(/queue mode/);
		expect(error?.description).toMatch(/N8N_DEFAULT_BINARY_DATA_MODE=database/);
		expect((error?.context as { itemIndex?: number }).itemIndex).toBe(2);
	});

	it('a file above the database cap names N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE and keeps n8n\'s numbers', () => {
		const error = binaryReadError(node, tooLarge, { itemIndex: 0, field: 'data', binaryId: 'database:x' });
		expect(error?.message).toMatch(/larger than n8n's limit/);
		expect(error?.description).toMatch(/N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE/);
		expect(error?.description).toMatch(/8 MB/);
	});

	it('leaves every other error alone', () => {
		expect(binaryReadError(node, new Error('socket hang up'), { itemIndex: 0, field: 'data', binaryId: 'filesystem-v2:x' })).toBeUndefined();
		expect(binaryReadError(node, fileNotFound, { itemIndex: 0, field: 'data', binaryId: 'database:x' })).toBeUndefined();
	});
});
