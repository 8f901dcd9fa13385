import * as assert from 'node:assert/strict';
import { withoutLinks } from '../../../src/ui/untrustedText';

/** VS Code's pattern for links in notification text (base/common/linkedText.ts). */
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('untrusted text in notifications', () => {
  const hostile = [
    '[Open](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%22%7D)',
    'Fix [this](https://evil.example/phish "Click") now',
    '[a](file:///etc/passwd) and [b](command:x) in one title',
    '[spaced] (command:x)',
  ];
  for (const text of hostile) {
    it(`leaves no clickable link in ${JSON.stringify(text.slice(0, 40))}`, () => {
      assert.equal(withoutLinks(text).match(LINK), null);
      assert.equal(withoutLinks(text).replace(/\u200b/g, ''), text, 'the words changed');
    });
  }

  it('leaves ordinary text alone', () => {
    for (const text of ['Add tests for parse()', 'Fix arr[0] (the first item)', 'OpenHands finished “Refactor [WIP]”.']) {
      assert.equal(withoutLinks(text).replace(/\u200b/g, ''), text);
    }
    assert.equal(withoutLinks('Add tests for parse()'), 'Add tests for parse()');
  });
});
