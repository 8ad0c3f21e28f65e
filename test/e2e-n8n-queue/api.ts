// The main instance's REST API, as the editor uses it: the owner account, credentials,
// workflows, executions (list, read, stop) and data tables.
const BROWSER_ID = 'aikynetix-queue-e2e';

/** A summary row of GET /rest/executions. */
export interface ExecutionSummary {
  id: string;
  status: string;
  workflowId: string;
  mode: string;
  startedAt?: string;
  stoppedAt?: string;
}

/** A logged-in REST session on the main instance. */
export class N8nApi {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  /** Creates the instance owner (first run) and keeps its session cookie. */
  static async setupOwner(baseUrl: string): Promise<N8nApi> {
    const res = await fetch(`${baseUrl}/rest/owner/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
      body: JSON.stringify({ email: 'owner@example.com', firstName: 'Queue', lastName: 'Test', password: 'Queue-e2e-Passw0rd' }),
    });
    if (!res.ok) throw new Error(`owner setup failed: HTTP ${res.status} ${await res.text()}`);
    const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
    if (!cookie) throw new Error('owner setup returned no n8n-auth cookie');
    return new N8nApi(baseUrl, cookie);
  }

  /** One REST call; throws with the body on a non-2xx answer. Returns `data` of n8n's envelope. */
  async call<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/rest${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'browser-id': BROWSER_ID },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /rest${path} failed: HTTP ${res.status} ${text.slice(0, 2000)}`);
    const parsed = text ? JSON.parse(text) : {};
    return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
  }

  /** Creates a credential; returns its reference for nodes. */
  async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<{ id: string; name: string }> {
    const created = await this.call<{ id: string; name: string }>('POST', '/credentials', { name, type, data });
    return { id: created.id, name: created.name };
  }

  /** Creates a workflow and, when asked, publishes (activates) its current version. */
  async createWorkflow(workflow: Record<string, unknown>, activate: boolean): Promise<string> {
    const created = await this.call<{ id: string; versionId: string }>('POST', '/workflows', { ...workflow, active: false });
    if (activate) await this.call('POST', `/workflows/${created.id}/activate`, { versionId: created.versionId });
    return created.id;
  }

  /** Deactivates a workflow (its trigger stops polling). */
  async deactivate(workflowId: string): Promise<void> {
    await this.call('POST', `/workflows/${workflowId}/deactivate`, {});
  }

  /** Executions of a workflow, newest first (up to `limit`). */
  async executions(workflowId: string, limit = 250): Promise<ExecutionSummary[]> {
    const filter = encodeURIComponent(JSON.stringify({ workflowId }));
    const page = await this.call<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}&limit=${limit}`);
    return page.results;
  }

  /** One execution with its data (n8n returns the run data as a flatted string). */
  async execution(id: string): Promise<{ id: string; status: string; data: string }> {
    return this.call('GET', `/executions/${id}`);
  }

  /** Asks the main to stop a running execution (in queue mode the main tells the worker). */
  async stop(id: string): Promise<{ status?: string }> {
    return this.call('POST', `/executions/${id}/stop`, {});
  }

  /** Creates a data table in the owner's personal project. */
  async createDataTable(name: string, columns: Array<{ name: string; type: string }>): Promise<string> {
    const project = await this.call<{ id: string }>('GET', '/projects/personal');
    const table = await this.call<{ id: string }>('POST', `/projects/${project.id}/data-tables`, { name, columns });
    return table.id;
  }
}
