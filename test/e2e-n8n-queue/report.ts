// What the queue-mode test measured, printed at the end of the run (CI logs keep it).
/** Counts and figures the scenarios fill in. */
export const figures: Record<string, any> = {};

/** Prints the figures as a short block on stderr (jest shows it even for passing tests). */
export function report(): void {
  const lines = ['', '=== n8n queue mode (main + 2 workers, Redis, PostgreSQL): counts and figures ==='];
  const f = figures;
  lines.push(`set-up: apt-get ${f.aptSeconds?.toFixed?.(0) ?? '?'} s (0 = already installed), Redis+PostgreSQL ${f.servicesSeconds?.toFixed?.(1)} s, n8n main+workers ${f.n8nStartSeconds?.toFixed?.(1)} s`);
  if (f.trigger) {
    lines.push(
      `trigger -> gait report -> recorder: ${f.trigger.sessions} sessions in 3 bursts, ${f.trigger.deliveries} deliveries (each exactly once), ${f.trigger.executions} executions (worker1 ${f.trigger.perWorker.worker1}, worker2 ${f.trigger.perWorker.worker2}), rolling restart of both workers`,
    );
  }
  if (f.concurrent) {
    const w = f.concurrent.workers.map((x: any) => `${x.name}: ${x.executions} uploads, RSS ${x.baselineMiB.toFixed(0)} -> peak ${x.peakMiB.toFixed(0)} MiB (+${(x.peakMiB - x.baselineMiB).toFixed(0)})`).join('; ');
    lines.push(`concurrent uploads (database binary mode): ${f.concurrent.uploads} x ${f.concurrent.mib} MiB in ${f.concurrent.seconds.toFixed(1)} s, ${f.concurrent.sessionsCreated} sessions, sha256 equal; ${w}`);
  }
  if (f.overFormCap) lines.push(`above the webhook file cap: ${f.overFormCap.fileMiB} MiB file, N8N_FORMDATA_FILE_SIZE_MAX ${f.overFormCap.capMiB} -> HTTP ${f.overFormCap.httpStatus}; caller saw: ${f.overFormCap.httpBody}`);
  if (f.overCap) lines.push(`above the cap: ${f.overCap.fileMiB} MiB file, cap ${f.overCap.capMiB} MiB -> HTTP ${f.overCap.httpStatus}, sessions created: ${f.overCap.sessionsCreated}; caller saw: ${f.overCap.httpBody}`);
  if (f.cancel) lines.push(`Wait for Processing cancelled from the main: execution ${f.cancel.status} ${f.cancel.endedAfterSeconds.toFixed(1)} s after Stop; caller answered after ${f.cancel.callerAnsweredAfterSeconds?.toFixed?.(1) ?? '-'} s (HTTP ${f.cancel.httpStatus})`);
  if (f.kill) {
    lines.push(
      `SIGKILLed worker: ${f.kill.sessions} sessions, ${f.kill.lostByKill} lost by the kill (execution status "${f.kill.lostExecutionStatus}", their IDs in its saved data: ${f.kill.lostSessionIdsInExecutionData}); after the catch-up ${f.kill.deliveredInTheEnd} deliveries, each exactly once (${f.kill.catchUpExecutions} catch-up runs)`,
    );
  }
  if (f.filesystemMode) lines.push(`filesystem binary mode on the main: execution ${f.filesystemMode.executionStatus}, HTTP ${f.filesystemMode.httpStatus}; the error names N8N_DEFAULT_BINARY_DATA_MODE`);
  lines.push(`test total: ${f.totalSeconds?.toFixed?.(0)} s`, '');
  process.stderr.write(lines.join('\n'));
}
