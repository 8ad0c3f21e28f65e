import { connectStdio, sampleVideo, serverEnv, startSim, textOf } from './helpers';
it('smoke', async () => {
  const sim = await startSim();
  const c = await connectStdio(serverEnv(sim));
  const { tools } = await c.client.listTools();
  console.log(tools.length, JSON.stringify(tools.find((t) => t.name === 'upload_video'), null, 1));
  const up = await c.client.callTool({ name: 'upload_video', arguments: { user_id: 'ana', video: sampleVideo() } });
  console.log(textOf(up as never));
  const id = (up.structuredContent as { session_id: string }).session_id;
  const w = await c.client.callTool({ name: 'wait_for_session', arguments: { session_id: id }, _meta: { progressToken: 1 } }, undefined, { onprogress: (p) => console.log('progress', p) });
  console.log(textOf(w as never));
  const g = await c.client.callTool({ name: 'get_gait_analysis_report', arguments: { session_id: id } });
  console.log(textOf(g as never).slice(0, 1500));
  console.log(c.stderr());
  await c.close();
  await sim.close();
});
