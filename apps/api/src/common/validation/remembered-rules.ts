import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type RuleLookUp = MetadataStorage['getTargetValidationMetadatas'];
type Rules = ReturnType<RuleLookUp>;

let remembering = false;

/**
 * class-validator looks a class's rules up on every validation by walking every class it knows for base classes
 * (`MetadataStorage.getTargetValidationMetadatas`): ~11 KB of garbage and a scan of every DTO per request. Rules are
 * registered by decorators as classes load and never change after, so the answers are remembered per class and
 * options; a rule registered later (a class loaded late) forgets them all. The answers are shared: class-validator
 * only reads them.
 */
export function rememberValidationRules(): void {
  if (remembering) return;
  remembering = true;
  const storage = getMetadataStorage();
  const lookUp: RuleLookUp = storage.getTargetValidationMetadatas.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let answers = new Map<Parameters<RuleLookUp>[0], Map<string, Rules>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let forTarget = answers.get(target);
    if (forTarget === undefined) answers.set(target, (forTarget = new Map()));
    let rules = forTarget.get(options);
    if (rules === undefined) forTarget.set(options, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.addValidationMetadata = (metadata) => {
    answers = new Map();
    register(metadata);
  };
}
