import { describe, expect, it } from "vitest";
import { CHANNELS } from "../../../shared/contract";
import { AppError } from "../../../shared/errors";
import { hostConnections } from "../test-support/host-connections";

const connect = hostConnections();

describe("createClient", () => {
  it("has a function for every contract channel", async () => {
    const { api } = await connect();
    const groups: Record<string, unknown> = api;
    for (const channel of CHANNELS) {
      const [domain = "", verb = ""] = channel.split(".");
      expect(typeof (groups[domain] as Record<string, unknown>)[verb], channel).toBe("function");
    }
  });

  it("groups channels by domain and unwraps results", async () => {
    const { host, api } = await connect({
      "chat.delete": ({ id }) => {
        expect(id).toBe("c1");
        return { deleted: true };
      },
      "models.list": () => [],
    });
    await expect(api.chat.delete({ id: "c1" })).resolves.toEqual({ deleted: true });
    await expect(api.models.list({})).resolves.toEqual([]);
    expect(host.received.map((r) => r.channel)).toEqual(["chat.delete", "models.list"]);
  });

  it("throws the host's error as an AppError with its code and message", async () => {
    const { api } = await connect({
      "chat.get": () => {
        throw new AppError("NOT_FOUND", "No conversation with id c9.");
      },
    });
    const failure = await api.chat.get({ id: "c9" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: "NOT_FOUND", message: "No conversation with id c9." });
  });

  it("exposes event subscriptions", async () => {
    const { host, api } = await connect({ "jobs.list": () => [] });
    await api.jobs.list({});
    const ids: string[] = [];
    api.on("chat.deleted", ({ id }) => ids.push(id));
    host.emit("chat.deleted", { id: "gone" });
    await expect.poll(() => ids).toEqual(["gone"]);
  });
});
