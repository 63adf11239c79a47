import type { UnitSystem, VitalDto } from '@cloudvault/contracts';
import { formatReading, isUrgentVital, statValues } from '../../shared/vitals/unit-system';

/** What the patient is told at once after entering a reading in a guideline's urgent category. */
export interface UrgentAdvice {
  title: string;
  steps: string[];
}

const EMERGENCY = 'call your local emergency number (112 in Europe, 911 in the US)';

/**
 * Plain-language guidance for an urgent reading (null when the reading is not urgent): AHA for severe blood
 * pressure, ADA's 15-15 rule for hypoglycemia, BTS/WHO for low oxygen saturation, and common fever advice.
 */
export function urgentAdvice(v: VitalDto, system: UnitSystem): UrgentAdvice | null {
  if (!isUrgentVital(v)) return null;
  const reading = formatReading(v, system);
  const stat = statValues(v).primary;
  switch (v.type) {
    case 'blood_pressure':
      return {
        title: `Your blood pressure of ${reading} is very high.`,
        steps: [
          'Sit quietly for 5 minutes, then measure again.',
          `If you have chest pain, shortness of breath, back pain, numbness or weakness, a change in vision or difficulty speaking, ${EMERGENCY} now.`,
          'If it is still 180/120 or higher without these symptoms, contact your doctor today.',
        ],
      };
    case 'spo2':
      return {
        title: `Your oxygen saturation of ${reading} is low.`,
        steps: [
          'Check the sensor sits on a warm finger without nail polish, rest for a few minutes and measure again.',
          `If it stays below 90 %, or you are short of breath, confused, or your lips look blue, ${EMERGENCY} now.`,
        ],
      };
    case 'glucose':
      return stat < 100
        ? {
            title: `Your blood glucose of ${reading} is very low.`,
            steps: [
              'Take 15 g of fast-acting sugar now (a glass of juice or glucose tablets).',
              'Measure again after 15 minutes and repeat if it is still low.',
              `If you are confused, drowsy or cannot swallow safely, someone should ${EMERGENCY}.`,
            ],
          }
        : {
            title: `Your blood glucose of ${reading} is very high.`,
            steps: [
              'Drink water, measure again, and check ketones if your care team told you to.',
              'Contact your doctor today.',
              `If you are vomiting, very thirsty and drowsy, confused or breathing fast, ${EMERGENCY} now.`,
            ],
          };
    case 'temperature':
      return {
        title: `Your temperature of ${reading} is a high fever.`,
        steps: [
          'Rest, drink fluids and measure again in an hour.',
          `If you have a stiff neck, a rash that does not fade when pressed, confusion or difficulty breathing, ${EMERGENCY} now.`,
          'Contact your doctor if the fever lasts more than 3 days.',
        ],
      };
    default:
      return null;
  }
}
