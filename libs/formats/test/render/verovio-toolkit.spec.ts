import * as verovio from 'verovio';
import { verovioToolkit } from '../../src/render/verovio-toolkit';

const runtimeUp = () => typeof verovio.module._malloc === 'function';

describe('the Verovio toolkit', () => {
  it('should be ready when first asked for long after the runtime announced itself (a server exporting later)', async () => {
    while (!runtimeUp()) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 200));

    const toolkit = await verovioToolkit();

    expect(toolkit.getVersion()).toMatch(/^\d+\.\d+/);
    expect(await verovioToolkit()).toBe(toolkit);
  });
});
