import { benchImagePipeline } from "./scripts/bench/image-pipeline";
await benchImagePipeline();
