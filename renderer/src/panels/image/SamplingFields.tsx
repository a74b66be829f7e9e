import { SAMPLER_LABELS, SAMPLERS, samplerSchema } from "../../../../shared/image";
import { FormField } from "../../components/FormField";
import { useApp } from "../../store/context";
import type { FieldsProps } from "./fields-props";
import { fewStepAdvice } from "./model-defaults";

/** Steps, guidance, sampler and how many images to make. */
export function SamplingFields({ values, errors, change }: FieldsProps) {
  const modelName = useApp((s) => s.models.find((model) => model.id === values.modelId)?.name ?? "");
  const advice = fewStepAdvice(modelName, values.steps, values.cfgScale);
  return (
    <>
      <div className="param-grid">
        <FormField label="Steps" error={errors.steps}>
          {(control) => <input {...control} inputMode="numeric" value={values.steps} onChange={(e) => change({ steps: e.target.value })} />}
        </FormField>
        <FormField label="CFG scale" error={errors.cfgScale}>
          {(control) => (
            <input {...control} inputMode="decimal" value={values.cfgScale} onChange={(e) => change({ cfgScale: e.target.value })} />
          )}
        </FormField>
        <FormField label="Sampler">
          {(control) => (
            <select
              {...control}
              value={values.sampler}
              onChange={(e) => {
                const sampler = samplerSchema.safeParse(e.target.value);
                if (sampler.success) change({ sampler: sampler.data });
              }}
            >
              {SAMPLERS.map((sampler) => (
                <option key={sampler} value={sampler}>
                  {SAMPLER_LABELS[sampler]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Batch count" error={errors.batchCount} hint="Seeds count up per image.">
          {(control) => (
            <input {...control} inputMode="numeric" value={values.batchCount} onChange={(e) => change({ batchCount: e.target.value })} />
          )}
        </FormField>
      </div>
      {advice && <p className="hint image-advice">{advice}</p>}
    </>
  );
}
