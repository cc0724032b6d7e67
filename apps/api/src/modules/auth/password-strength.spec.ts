import { assertStrongPassword } from './password-strength';

const refused = (password: string, inputs: string[] = []): boolean => {
  try {
    assertStrongPassword(password, inputs);
    return false;
  } catch {
    return true;
  }
};

describe('password strength', () => {
  it('refuses common and patterned passwords', () => {
    for (const weak of ['password', '12345678', 'qwertyuiop', 'P@ssw0rd1', 'iloveyou123', 'aaaaaaaaaa']) expect(refused(weak)).toBe(true);
  });

  it('refuses a password made of the username', () => {
    expect(refused('ann_smith2024', ['ann_smith'])).toBe(true);
  });

  it('accepts long, unusual passphrases', () => {
    expect(refused('Agora-acceptance-mb2k1x-Qx7!v')).toBe(false);
    expect(refused('quiet lantern orbit pickle 42')).toBe(false);
  });
});
