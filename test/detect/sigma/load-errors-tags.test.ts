import { loadError, sigmaDocument } from './sigma-helpers';

describe('loading ATT&CK tags', () => {
  it('rejects an attack tag that is no tactic or technique, listing the tactics', () => {
    const problem = loadError(sigmaDocument({ selection: { eventName: 'x' }, condition: 'selection' }, { tags: ['attack.t1078', 'attack.defence_evasion'] })).problems[0];
    expect(problem).toMatchObject({ kind: 'tags', where: 'tags[1]', message: expect.stringContaining('"attack.defence_evasion" is neither an ATT&CK technique') });
    expect(problem?.message).toContain('attack.defense_evasion');
  });

  it('rejects a malformed technique id', () => {
    expect(loadError(sigmaDocument({ selection: { eventName: 'x' }, condition: 'selection' }, { tags: ['attack.t10780'] })).problems[0]?.kind).toBe('tags');
  });
});
