import { Prompt, type PromptType } from '@/models';
import { readActivationHead } from './read-activation-head';

const MAX_ROUNDS = 10;

/**
 * Makes the `active` flags agree with the activation log's head: the head's
 * version true, every other version of the type false. Updates are not
 * atomic on FerretDB and racing activators may write stale heads, so each
 * round ends by re-reading the head and the flags; a writer stops only when
 * what it wrote matches the newest head, and the last writer to finish
 * therefore leaves them right. Readers never depend on the flags
 * (resolveActivePrompt reads the log).
 */
export async function projectActiveFlag(type: PromptType): Promise<boolean> {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const head = await readActivationHead(type);
    if (!head) return true;
    await Prompt.updateOne({ _id: head.promptId }, { $set: { active: true } });
    await Prompt.updateMany(
      { type, active: true, _id: { $ne: head.promptId } },
      { $set: { active: false } },
    );
    const [after, flagged] = await Promise.all([
      readActivationHead(type),
      Prompt.find({ type, active: true }, { _id: 1 }).lean(),
    ]);
    if (
      after?.seq === head.seq &&
      flagged.length === 1 &&
      flagged[0]!._id.toString() === head.promptId
    )
      return true;
  }
  return false;
}
