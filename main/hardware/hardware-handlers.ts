import type { HandlersFor } from "../router";
import type { HardwareService } from "./hardware-service";

export function hardwareHandlers(hardware: HardwareService): HandlersFor<"hardware"> {
  return {
    "hardware.info": () => hardware.info(),
  };
}
