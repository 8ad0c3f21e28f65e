import { z } from 'zod';
import { defineArea, getOperation, isOperationId, operations, pathParams, registry } from '../src/registry';

describe('registry integrity', () => {
  test('operations lists every declaration of every area once, area by area', () => {
    expect(operations).toEqual(Object.values(registry).flatMap((area) => Object.values(area)));
    expect(Object.isFrozen(registry.running)).toBe(true);
  });

  test('exposes the method names the adapters use', () => {
    expect(Object.keys(registry.sessions)).toEqual([
      'listAll', 'getByIds', 'filter', 'update', 'delete', 'getAnalyzedVideo', 'generateAnalyzedVideo',
    ]);
    expect(Object.keys(registry.running)).toEqual([
      'createSession', 'get', 'getSummary', 'generateSummary', 'export', 'getFormAnalysis', 'getTotalMetrics',
      'generateFormRecommendations', 'getGaitAnalysis', 'generateGaitRecommendations',
    ]);
    expect(Object.keys(registry.jumping)).toEqual(['get', 'export']);
    expect(Object.keys(registry.weightlifting)).toEqual(['get', 'export', 'getLiftAnalysis']);
  });

  test('ids are <area>.<name>, unique, and match the key they are registered under', () => {
    const ids = operations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [area, ops] of Object.entries(registry)) {
      for (const [name, op] of Object.entries(ops)) {
        expect(op.id).toBe(`${area}.${name}`);
        expect(op.area).toBe(area);
        expect(op.name).toBe(name);
      }
    }
    expect(new Set(operations.map((o) => o.openapiId)).size).toBe(operations.length);
    expect(new Set(operations.map((o) => `${o.method} ${o.path}`)).size).toBe(operations.length);
  });

  test('every path parameter is an input with in: path, and every input has a location', () => {
    for (const op of operations) {
      const fields = Object.keys(op.input.shape);
      expect(Object.keys(op.in).sort()).toEqual([...fields].sort());
      for (const p of pathParams(op.path)) expect(op.in[p]).toBe('path');
    }
  });

  test('every operation has a title and a one-sentence description', () => {
    for (const op of operations) {
      expect(op.title).toMatch(/^[A-Z][A-Za-z ]+$/);
      expect(op.description).toMatch(/^[A-Z].{20,}\.$/);
    }
  });

  test('safety flags: only reads are idempotent, creating and generating POSTs are not', () => {
    const notIdempotent = operations.filter((o) => !o.idempotent).map((o) => o.id).sort();
    expect(notIdempotent).toEqual([
      'running.createSession', 'running.generateFormRecommendations', 'running.generateGaitRecommendations',
      'running.generateSummary', 'sessions.generateAnalyzedVideo',
    ]);
    expect(getOperation('running.getGaitAnalysis').idempotent).toBe(true);
    expect(getOperation('running.getFormAnalysis').idempotent).toBe(true);
    expect(getOperation('sessions.getByIds').idempotent).toBe(true);
    expect(getOperation('running.createSession').sideEffect).toBe('creates');
    expect(getOperation('running.createSession').requires).toEqual({ admin: true });
    expect(getOperation('running.getGaitAnalysis').requires).toEqual({ admin: true, plan: 404 });
    // Hosts derive read-only tool labels from sideEffect: every PUT, DELETE and non-idempotent call declares one.
    for (const op of operations) {
      if (op.method === 'PUT' || op.method === 'DELETE' || !op.idempotent) expect(op.sideEffect).not.toBe('none');
    }
    expect(operations.filter((o) => o.emptyOn404).map((o) => o.id).sort()).toEqual(['sessions.filter', 'sessions.listAll']);
    expect(operations.filter((o) => o.successStatus === 201).map((o) => o.id).sort()).toEqual([
      'running.generateFormRecommendations', 'running.generateGaitRecommendations', 'running.generateSummary',
    ]);
  });

  test('getOperation finds by id and throws for an unknown id', () => {
    expect(getOperation('running.getGaitAnalysis').path).toBe('/running/sessions/{session_id}/gait-analysis/');
    expect(() => getOperation('running.nope')).toThrow(/Unknown AIKYNETIX operation 'running.nope'/);
    expect(isOperationId('sessions.filter')).toBe(true);
    expect(isOperationId('sessions.nope')).toBe(false);
  });

  test('defineArea fills id, area and name, and rejects incoherent declarations at load time', () => {
    const base = {
      openapiId: 'x', title: 'X', description: 'X.',
      method: 'GET', path: '/running/sessions/{session_id}/', output: z.object({}), successStatus: 200,
      idempotent: true, sideEffect: 'none',
    } as const;
    const id = z.string();
    const one = (spec: object) => defineArea('running', { x: spec as never });
    expect(() => one({ ...base, input: z.strictObject({ session_id: id }), in: { session_id: 'query' } })).toThrow(
      /Operation running.x is declared wrongly: path parameter \{session_id\} must be an input with in: 'path'/,
    );
    expect(() => one({ ...base, input: z.strictObject({}), in: {} })).toThrow(/\{session_id\}/);
    expect(() => one({ ...base, input: z.strictObject({ session_id: id, demo: id }), in: { session_id: 'path' } })).toThrow(
      /input 'demo' has no 'in' location/,
    );
    expect(() => one({ ...base, input: z.strictObject({ session_id: id, a: id }), in: { session_id: 'path', a: 'json' } })).toThrow(
      /a GET cannot have body fields/,
    );
    expect(() => one({ ...base, method: 'DELETE', input: z.strictObject({ session_id: id }), in: { session_id: 'path' } })).toThrow(
      /a DELETE must declare its sideEffect/,
    );
    const area = defineArea('running', { x: { ...base, input: z.strictObject({ session_id: id }), in: { session_id: 'path' } } });
    expect(area.x).toMatchObject({ id: 'running.x', area: 'running', name: 'x', path: base.path });
  });
});
