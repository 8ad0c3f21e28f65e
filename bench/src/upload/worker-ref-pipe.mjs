// Reference child process (not a shipped surface): the Zapier upload's job without Zapier. Plain
// node:http downloads the file URL and pipes it into a multipart upload: about the best any Node
// code can do when the video arrives as a URL.
// argv: baseUrl apiKey fileUrl. Prints {ms, sessionId, rssLoaded, maxRss, cpuMs} as JSON.
import http from 'node:http';

const [baseUrl, apiKey, fileUrl] = process.argv.slice(2);
const rssLoaded = process.memoryUsage.rss();
const t0 = performance.now();
const download = await new Promise((resolve, reject) => http.get(fileUrl, resolve).on('error', reject));
const size = Number(download.headers['content-length']);
const boundary = '----AikynetixBenchReference';
const head = Buffer.from(
  `--${boundary}\r\nContent-Disposition: form-data; name="user_id"\r\n\r\nbench-runner\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="run.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
);
const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
const sessionId = await new Promise((resolve, reject) => {
  const headers = { authorization: `API-KEY ${apiKey}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) };
  const upload = http.request(`${baseUrl}/running/sessions/`, { method: 'POST', headers }, (res) => {
    let text = '';
    res.on('data', (d) => (text += d));
    res.on('end', () => (res.statusCode >= 200 && res.statusCode < 300 ? resolve(JSON.parse(text).session_id) : reject(new Error(`${res.statusCode} ${text}`))));
  });
  upload.on('error', reject);
  upload.write(head);
  download.pipe(upload, { end: false });
  download.on('end', () => upload.end(tail));
});
const ms = performance.now() - t0;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ ms, sessionId, rssLoaded, maxRss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
