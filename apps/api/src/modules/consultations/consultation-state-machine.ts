import type { ConsultationStatus, Role } from '@cloudvault/contracts';

export type ConsultationAction = 'accept' | 'reject' | 'cancel' | 'end';

export interface TransitionRule {
  /** The only status the action applies to. */
  from: ConsultationStatus;
  to: ConsultationStatus;
  /** The party allowed to take it. */
  by: readonly Role[];
  /** Past participle for messages ("accepted"). */
  done: string;
}

/**
 * The explicit state machine of a consultation: only the doctor accepts or rejects a pending request,
 * only the patient cancels a pending one, either party ends an active one. Everything else is invalid.
 */
export const CONSULTATION_TRANSITIONS: Readonly<Record<ConsultationAction, TransitionRule>> = {
  accept: { from: 'pending', to: 'active', by: ['doctor'], done: 'accepted' },
  reject: { from: 'pending', to: 'rejected', by: ['doctor'], done: 'rejected' },
  cancel: { from: 'pending', to: 'cancelled', by: ['patient'], done: 'cancelled' },
  end: { from: 'active', to: 'ended', by: ['patient', 'doctor'], done: 'ended' },
};

export function transitionRule(action: ConsultationAction): TransitionRule {
  return CONSULTATION_TRANSITIONS[action];
}

/** Whether `role` may take `action` on a consultation currently in `status`. */
export function canTransition(action: ConsultationAction, status: ConsultationStatus, role: Role): boolean {
  const rule = CONSULTATION_TRANSITIONS[action];
  return rule.from === status && rule.by.includes(role);
}
