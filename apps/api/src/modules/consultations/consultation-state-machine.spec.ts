import { CONSULTATION_STATUS_VALUES, type ConsultationStatus, type Role } from '@cloudvault/contracts';
import { canTransition, type ConsultationAction } from './consultation-state-machine';

describe('consultation state machine', () => {
  const allowed: [ConsultationAction, ConsultationStatus, Role][] = [
    ['accept', 'pending', 'doctor'],
    ['reject', 'pending', 'doctor'],
    ['cancel', 'pending', 'patient'],
    ['end', 'active', 'doctor'],
    ['end', 'active', 'patient'],
  ];
  const actions: ConsultationAction[] = ['accept', 'reject', 'cancel', 'end'];
  const roles: Role[] = ['patient', 'doctor'];

  it('allows exactly the documented transitions and nothing else', () => {
    for (const action of actions)
      for (const status of CONSULTATION_STATUS_VALUES)
        for (const role of roles) {
          const expected = allowed.some(([a, s, r]) => a === action && s === status && r === role);
          expect({ action, status, role, ok: canTransition(action, status, role) }).toEqual({
            action,
            status,
            role,
            ok: expected,
          });
        }
  });

  it('treats rejected, cancelled and ended as final', () => {
    for (const status of ['rejected', 'cancelled', 'ended'] as const)
      for (const action of actions) for (const role of roles) expect(canTransition(action, status, role)).toBe(false);
  });
});
