import { loadPipeline } from "./main/engines/image/pipeline/load-pipeline";
import { generateImage } from "./main/engines/image/pipeline/generate";
const p = await loadPipeline("b", "/work/main/.fixtures/image/sd-bench", "cpu");
const req = { prompt: "a lighthouse", negativePrompt: "blurry", width: 512, height: 512, steps: 20, cfgScale: 7, sampler: process.argv[2] as "euler", seed: 1, strength: 1 };
for (let k = 0; k < 4; k++) { const b = p.clock.ms; const t = performance.now(); await generateImage(p, req, { signal: new AbortController().signal, emit: () => {} }); const g = performance.now() - t; const s = p.clock.ms - b; console.log(process.argv[2], "gen", g.toFixed(0), "sess", s.toFixed(0), "over", (g - s).toFixed(0)); }
