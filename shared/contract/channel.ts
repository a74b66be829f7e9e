import { z } from "zod";
import { idSchema } from "../ids";

export const empty = z.object({}).strict();
export const byId = z.object({ id: idSchema }).strict();
export const deleted = z.object({ deleted: z.literal(true) });

export function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}
