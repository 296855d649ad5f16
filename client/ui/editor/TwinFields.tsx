import type { ContentOf } from '../../../shared/exhibits/exhibit.js';
import { checkParams } from '../../../shared/sim/levers.js';
import type { Lever, ModelInfo } from '../../../shared/sim/model.js';
import { modelById, TWIN_MODELS } from '../../../shared/sim/models.js';
import { formatLever } from '../../sim/format.js';
import { SelectField } from '../SelectField.js';
import { CommitField } from './CommitField.js';

type Change = (change: (c: ContentOf<'twin'>) => ContentOf<'twin'>) => void;

function LeverInput({ info, lever, value, onCommit }: { info: ModelInfo; lever: Lever; value: number; onCommit: (v: number) => void }) {
  return (
    <CommitField
      label={`${lever.label}${lever.unit ? ` (${lever.unit})` : ''}`}
      value={String(value)}
      validate={(text) => {
        const checked = checkParams(info, { [lever.key]: text.trim() === '' ? Number.NaN : Number(text) });
        return checked.ok ? null : checked.problems[0] ?? 'That value is not allowed.';
      }}
      onCommit={(text) => onCommit(Number(text))}
      hint={`${formatLever(lever, lever.min)} to ${formatLever(lever, lever.max)}; the model's default is ${formatLever(lever, lever.default)}.`}
    />
  );
}

/**
 * A twin's set-up: which model, and the official scenario (levers and seed) every visitor sees
 * first. The server checks the same ranges; visitors then steer their own copies.
 */
export function TwinFields({ content, onCommit }: { content: ContentOf<'twin'>; onCommit: Change }) {
  const model = modelById(content.model);
  return (
    <>
      <SelectField
        label="Model"
        value={content.model}
        onChange={(e) => {
          const id = e.target.value;
          onCommit((c) => ({ ...c, model: id, params: {} }));
        }}
        hint={model ? model.info.question : 'Choose a model.'}
      >
        {!model && <option value={content.model}>{content.model || '(none)'}</option>}
        {Object.values(TWIN_MODELS).map((m) => <option key={m.info.id} value={m.info.id}>{m.info.name}</option>)}
      </SelectField>
      {model && <p className="hint">The official scenario: what every visitor sees first.</p>}
      {model?.info.levers.map((l) => (
        <LeverInput
          key={`${content.model}-${l.key}`}
          info={model.info}
          lever={l}
          value={content.params[l.key] ?? l.default}
          onCommit={(v) => onCommit((c) => ({ ...c, params: { ...c.params, [l.key]: v } }))}
        />
      ))}
      <CommitField
        label="Seed"
        value={String(content.seed)}
        validate={(text) => (/^\d{1,10}$/.test(text.trim()) && Number(text) <= 2 ** 31 - 1 ? null : 'The seed is a whole number from 0 to 2147483647.')}
        onCommit={(text) => onCommit((c) => ({ ...c, seed: Number(text) }))}
        hint="The random draws of the run (same seed, same numbers). Try a few to see how much chance matters."
      />
    </>
  );
}
