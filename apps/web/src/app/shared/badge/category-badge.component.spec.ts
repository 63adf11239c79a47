import { TestBed } from '@angular/core/testing';
import { CategoryBadgeComponent } from './category-badge.component';

describe('CategoryBadgeComponent', () => {
  async function badge(inputs: Record<string, string>): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(CategoryBadgeComponent);
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).querySelector('span') as HTMLElement;
  }

  it('always carries the category in text, coloured by severity', async () => {
    const el = await badge({ category: 'hypertension_stage_2', label: 'Hypertension stage 2', severity: 'critical' });
    expect(el.textContent?.trim()).toBe('Hypertension stage 2');
    expect(el.className).toBe('badge badge-critical');
  });

  it("takes the contracts' label and a tone from the code alone", async () => {
    const el = await badge({ category: 'prediabetes_range' });
    expect(el.textContent?.trim()).toBe('Prediabetes range');
    expect(el.className).toBe('badge badge-warn');
  });
});
