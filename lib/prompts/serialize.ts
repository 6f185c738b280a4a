import type { PromptComparison } from './compare-prompt-versions';
import type {
  PromptActivationEntry,
  PromptTypeDetail,
  PromptTypeSummary,
  PromptVersion,
} from './list-prompt-versions';
import type { PromptPreview } from './preview-prompt';
import type {
  PromptActivationJson,
  PromptTypeJson,
  PromptTypeSummaryJson,
  PromptVersionJson,
} from './schemas';

export function serializePromptVersion(v: PromptVersion): PromptVersionJson {
  return {
    id: v.id,
    type: v.type,
    version: v.version,
    content: v.content,
    note: v.note,
    created_by: v.createdBy,
    created_at: v.createdAt.toISOString(),
    provider: v.provider,
    model: v.model,
    providers: v.providers,
    active: v.active,
    usage: {
      jobs: v.usage.jobs,
      completed: v.usage.completed,
      failed: v.usage.failed,
      success_rate: v.usage.successRate,
      reported: v.usage.reported,
      report_rate: v.usage.reportRate,
    },
  };
}

export function serializePromptActivation(a: PromptActivationEntry): PromptActivationJson {
  return {
    seq: a.seq,
    version: a.version,
    previous_version: a.previousVersion,
    actor: a.actor,
    reason: a.reason,
    created_at: a.createdAt.toISOString(),
  };
}

export function serializePromptType(d: PromptTypeDetail): PromptTypeJson {
  return {
    type: d.type,
    active_version: d.activeVersion,
    versions: d.versions.map(serializePromptVersion),
    activations: d.activations.map(serializePromptActivation),
  };
}

export function serializePromptTypeSummary(s: PromptTypeSummary): PromptTypeSummaryJson {
  return {
    type: s.type,
    active_version: s.activeVersion,
    latest_version: s.latestVersion,
    versions: s.versions,
    activated_at: s.activatedAt?.toISOString() ?? null,
    activated_by: s.activatedBy,
  };
}

export function serializePromptComparison(c: PromptComparison) {
  return {
    type: c.type,
    from: c.from,
    to: c.to,
    words: c.words,
    lines: c.lines,
    stats: c.stats,
    settings_changed: c.settingsChanged,
  };
}
export type PromptComparisonJson = ReturnType<typeof serializePromptComparison>;

export function serializePromptPreview(p: PromptPreview) {
  return {
    mode: p.mode,
    provider: p.provider,
    model: p.model,
    provider_source: p.providerSource,
    system: p.system,
    instruction: p.instruction,
    system_instruction: p.systemInstruction,
    text: p.text,
    images: p.images,
    prompt_ignored: p.promptIgnored,
  };
}
export type PromptPreviewJson = ReturnType<typeof serializePromptPreview>;
