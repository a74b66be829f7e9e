import { SAMPLER_LABELS, samplerSchema } from "../../../../shared/image";
import { FormField } from "../../components/FormField";
import type { VideoFieldsProps } from "./fields-props";
import { samplersFor } from "./video-form";
import type { VideoModelKind } from "./video-models";

function samplerLabel(sampler: string): string {
  const known = samplerSchema.safeParse(sampler);
  return known.success ? SAMPLER_LABELS[known.data] : sampler;
}

/** Steps, guidance and the sampler the chosen kind of model takes (LCM / Euler / DDIM for motion models). */
export function VideoSamplingFields({ values, errors, change, kind }: VideoFieldsProps & { kind: VideoModelKind | undefined }) {
  const samplers = samplersFor(kind ?? "motion");
  const listed = samplers.includes(values.sampler) ? samplers : [values.sampler, ...samplers];
  return (
    <div className="param-grid video-sampling">
      <FormField label="Steps" error={errors.steps}>
        {(control) => <input {...control} inputMode="numeric" value={values.steps} onChange={(e) => change({ steps: e.target.value })} />}
      </FormField>
      <FormField label="CFG scale" error={errors.cfgScale}>
        {(control) => <input {...control} inputMode="decimal" value={values.cfgScale} onChange={(e) => change({ cfgScale: e.target.value })} />}
      </FormField>
      <FormField label="Sampler" error={errors.sampler}>
        {(control) => (
          <select {...control} value={values.sampler} onChange={(e) => change({ sampler: e.target.value })}>
            {listed.map((sampler) => (
              <option key={sampler} value={sampler}>
                {samplerLabel(sampler)}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </div>
  );
}
