import { z } from 'zod';
import type { ModelInfo } from '../sim/model.js';

/**
 * The digital-twin models as open data (GET /api/twins/models): what each asks, assumes and
 * cites, its levers and outcomes. Anyone can check a twin's workings without entering a space.
 */

const Lever = z.object({
  key: z.string(), label: z.string(), unit: z.string(), min: z.number(), max: z.number(), step: z.number(), default: z.number(), help: z.string(),
});
const Metric = z.object({
  key: z.string(), label: z.string(), unit: z.string(), digits: z.number().int(), better: z.enum(['higher', 'lower']).optional(), help: z.string(),
});
const Citation = z.object({
  use: z.string(), value: z.string(), source: z.string(), url: z.string().optional(), secondHand: z.boolean().optional(),
});

export const TwinModelInfo = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  question: z.string(),
  assumptions: z.array(z.string()),
  sources: z.array(Citation),
  levers: z.array(Lever),
  metrics: z.array(Metric),
  maxSteps: z.number().int(),
}).meta({ id: 'TwinModel' });

export const TwinModels = z.object({ models: z.array(TwinModelInfo) });
export type TwinModels = z.infer<typeof TwinModels>;

/** The schema and the contract's interface describe the same thing (checked by the compiler). */
export const modelInfoView = (info: ModelInfo): z.infer<typeof TwinModelInfo> => info;
