import { operationTools } from './operationTools';
import type { ToolDef, TransportKind } from './types';
import { waitTools } from './waitTools';

export { operationTool, operationTools } from './operationTools';
export { waitTools } from './waitTools';
export { toolNameOf } from './names';
export type { ToolContext, ToolDef, ToolOutcome, TransportKind } from './types';

/** Every tool the server offers: one per registry operation, then the wait workflows. */
export function allTools(transport: TransportKind): ToolDef[] {
  const tools = [...operationTools(transport), ...waitTools()];
  const seen = new Set<string>();
  for (const t of tools) {
    if (seen.has(t.name)) throw new Error(`Two tools are named ${t.name}: give one of the operations another title`);
    seen.add(t.name);
  }
  return tools;
}
