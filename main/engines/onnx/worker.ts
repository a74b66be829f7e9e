import { runWorker } from "../worker-runtime";
import { createOnnxHandlers } from "./handlers";
import type { OnnxMethods } from "./methods";

/** Entry of the ONNX engine process (built to out/main/engine-onnx.js): validates ONNX models and lists providers. */
runWorker<OnnxMethods>(createOnnxHandlers());
