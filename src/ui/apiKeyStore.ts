// The API key lives only in SecretStorage. Secrets are shared by every window, so a change
// made in one window reaches the others through onDidChange.
import * as vscode from 'vscode';
import { setContextKey } from './contextKeys';

const SECRET_KEY = 'openhands.apiKey';

export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  private cached: Promise<string | undefined> | undefined;
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key !== SECRET_KEY) return;
      this.cached = undefined;
      void this.refreshContextKey();
      this.changed.fire();
    });
  }

  get(): Promise<string | undefined> {
    this.cached ??= Promise.resolve(this.secrets.get(SECRET_KEY)).then((key) => key || undefined);
    return this.cached;
  }

  async set(key: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, key);
    this.cached = Promise.resolve(key);
    setContextKey('openhands.hasApiKey', true);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    this.cached = Promise.resolve(undefined);
    setContextKey('openhands.hasApiKey', false);
  }

  async refreshContextKey(): Promise<boolean> {
    const has = (await this.get()) !== undefined;
    setContextKey('openhands.hasApiKey', has);
    return has;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
