import { Injectable } from '@nestjs/common';
import type { Role } from '@cloudvault/contracts';

export interface ConsultationEnded {
  consultationId: string;
  patientId: string;
  doctorId: string;
  byRole: Role;
}

type EndedListener = (event: ConsultationEnded) => Promise<void>;

/**
 * Lets modules that depend on consultations react when one ends (e.g. appointments cancel their future
 * bookings) without consultations depending on them. Listeners run after the write, awaited, in order.
 */
@Injectable()
export class ConsultationLifecycle {
  private readonly endedListeners: EndedListener[] = [];

  onEnded(listener: EndedListener): void {
    this.endedListeners.push(listener);
  }

  async ended(event: ConsultationEnded): Promise<void> {
    for (const listener of this.endedListeners) await listener(event);
  }
}
