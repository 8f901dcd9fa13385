// Owns the connection to the configured server: rebuilds it when the URL, the API version
// setting or the key changes, and turns request outcomes into the state the view shows.
import * as vscode from 'vscode';
import { OpenHandsConnection } from '../api/connection';
import { ApiError, describeApiError } from '../api/errors';
import type { OpenHandsApi } from '../api/openHandsApi';
import type { ApiKeyStore } from './apiKeyStore';
import type { ConnectionState } from './contextKeys';
import { setContextKey } from './contextKeys';
import { readSettings } from './settings';

export class ServerSession implements vscode.Disposable {
  private connection: OpenHandsConnection;
  private stateValue: ConnectionState = 'none';
  private rejectionAnnounced = false;
  private readonly stateChanged = new vscode.EventEmitter<ConnectionState>();
  private readonly reset = new vscode.EventEmitter<void>();
  /** Fires with the new state. */
  readonly onDidChangeState = this.stateChanged.event;
  /** Fires when the server, the API version or the key changed: data must be reloaded. */
  readonly onDidReset = this.reset.event;

  constructor(private readonly keys: ApiKeyStore, private readonly log: vscode.LogOutputChannel) {
    this.connection = this.connect();
  }

  get state(): ConnectionState {
    return this.stateValue;
  }

  get serverUrl(): string {
    return readSettings().serverUrl;
  }

  api(signal?: AbortSignal): Promise<OpenHandsApi> {
    return this.connection.api(signal);
  }

  /** Settings or key changed: forget the detected version and start over. */
  restart(): void {
    this.connection = this.connect();
    this.rejectionAnnounced = false;
    this.reset.fire();
  }

  setState(state: ConnectionState): void {
    if (state === 'keyRejected' && this.stateValue !== 'keyRejected') this.announceRejection();
    // The context key starts unset (no welcome view flashes before the key is read), so it
    // is set even when the state itself did not change.
    setContextKey('openhands.connection', state);
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.stateChanged.fire(state);
  }

  /** Maps a failed background request to the view's state; says it once, not per poll. */
  reportFailure(error: unknown): void {
    if (!(error instanceof ApiError)) {
      this.log.error(`[session] unexpected error: ${String(error)}`);
      return;
    }
    if (error.kind === 'cancelled') return;
    this.log.warn(`[session] ${describeApiError(error, this.serverUrl)}`);
    if (error.kind === 'unauthorized') this.setState('keyRejected');
    else if (['network', 'timeout', 'server', 'notOpenHands', 'insecureUrl', 'invalidUrl', 'redirected'].includes(error.kind)) this.setState('unreachable');
  }

  dispose(): void {
    this.stateChanged.dispose();
    this.reset.dispose();
  }

  private connect(): OpenHandsConnection {
    const settings = readSettings();
    return new OpenHandsConnection({
      serverUrl: settings.serverUrl,
      apiVersion: settings.apiVersion,
      getApiKey: () => this.keys.get(),
      log: this.log,
    });
  }

  private announceRejection(): void {
    if (this.rejectionAnnounced) return;
    this.rejectionAnnounced = true;
    void vscode.window
      .showWarningMessage(`The OpenHands server at ${this.serverUrl} rejected your API key.`, 'Set API Key', 'Show Logs')
      .then((choice) => {
        if (choice === 'Set API Key') void vscode.commands.executeCommand('openhands.setApiKey');
        if (choice === 'Show Logs') this.log.show();
      });
  }
}
