import { describe, expect, it } from "vitest";
import { parseServerFrame } from "./server-frame";

describe("parseServerFrame", () => {
  it("accepts results and events", () => {
    expect(parseServerFrame('{"type":"result","id":1,"result":{"ok":true,"value":3}}')).toEqual({ type: "result", id: 1, result: { ok: true, value: 3 } });
    expect(parseServerFrame('{"type":"event","event":"chat.deleted","payload":{"id":"a"}}')).toEqual({
      type: "event",
      event: "chat.deleted",
      payload: { id: "a" },
    });
  });

  it("drops anything malformed", () => {
    for (const bad of ["not json", "null", "[]", '{"type":"result","id":"1","result":{"ok":true,"value":1}}', '{"type":"result","id":1,"result":{"ok":false,"error":"x"}}', '{"type":"event"}']) {
      expect(parseServerFrame(bad)).toBeNull();
    }
  });
});
