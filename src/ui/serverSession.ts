// Owns the connection to the configured server: rebuilds it when the URL, the API version
// setting or the key changes, and turns request outcomes into the state the view shows.
// Failures are logged once per streak and announced at most once, so an outage that lasts
// an hour is one log line and no notifications, not one per poll.
import * as vscode from 'vscode';
import { OpenHandsConnection } from '../api/connection';
import { ApiError, describeApiError } from '../api/errors';
import type { OpenHandsApi } from '../api/openHandsApi';
import { RateLimitGate } from '../api/rateLimitGate';
import type { ApiKeyStore } from './apiKeyStore';
import { failureSignature, problemMessage, stateAfterFailure } from './connectionProblem';
import type { ConnectionState } from './contextKeys';
import { setContextKey } from './contextKeys';
import { readSettings } from './settings';
import { showMessage } from './userMessages';

export interface FailureOptions {
  /** The user was already told (e.g. by Start Task's error message): don't announce it again. */
  readonly told?: boolean;
}

export class ServerSession implements vscode.Disposable {
  private connection: OpenHandsConnection;
  private stateValue: ConnectionState = 'none';
  private rejectionAnnounced = false;
  private problemValue: ApiError | undefined;
  private loggedStreak: string | undefined;
  /** Per server URL: a Refresh or a new key must not skip the server's Retry-After. */
  private gate = { url: '', gate: new RateLimitGate() };
  private readonly stateChanged = new vscode.EventEmitter<ConnectionState>();
  /** Fires with the new state. */
  readonly onDidChangeState = this.stateChanged.event;

  constructor(private readonly keys: ApiKeyStore, readonly log: vscode.LogOutputChannel) {
    this.connection = this.connect();
  }

  get state(): ConnectionState {
    return this.stateValue;
  }

  get serverUrl(): string {
    return readSettings().serverUrl;
  }

  /** The last background failure, until a request succeeds. */
  get problem(): ApiError | undefined {
    return this.problemValue;
  }

  /** What is wrong, in one sentence for the view; undefined while all is well. */
  get problemMessage(): string | undefined {
    return this.problemValue && problemMessage(this.problemValue, this.serverUrl);
  }

  /** How long the server asked us to wait before the next request (0: no wait). */
  rateLimitedForMs(): number {
    return this.gate.gate.remainingMs();
  }

  api(signal?: AbortSignal): Promise<OpenHandsApi> {
    return this.connection.api(signal);
  }

  /** Settings or key changed: forget the detected version and start over. */
  restart(): void {
    this.connection = this.connect();
    this.rejectionAnnounced = false;
  }

  setState(state: ConnectionState): void {
    // The context key starts unset (no welcome view flashes before the key is read), so it
    // is set even when the state itself did not change.
    setContextKey('openhands.connection', state);
    const cleared = state === 'ready' && this.clearProblem();
    if (state === this.stateValue && !cleared) return;
    this.stateValue = state;
    this.stateChanged.fire(state);
  }

  /** Maps a failed request to the view's state; logs a streak of the same failure once. */
  reportFailure(error: unknown, options: FailureOptions = {}): void {
    if (!(error instanceof ApiError)) {
      this.log.error(`[session] unexpected error: ${String(error)}`);
      return;
    }
    if (error.kind === 'cancelled') return;
    const state = stateAfterFailure(error);
    // A failure the user was just told about that says nothing about the connection (a 422 on
    // one create) is not the view's business.
    if (options.told && state === undefined) return;
    const signature = failureSignature(error);
    if (signature === this.loggedStreak) this.log.debug(`[session] still: ${error.message}`);
    else this.log.warn(`[session] ${describeApiError(error, this.serverUrl)}`);
    this.loggedStreak = signature;
    this.problemValue = error;
    if (state === 'keyRejected' && options.told) this.rejectionAnnounced = true;
    if (state === 'keyRejected' && this.stateValue !== 'keyRejected') this.announceRejection(error);
    if (state && state !== this.stateValue) this.setState(state);
    else this.stateChanged.fire(this.stateValue); // same state, maybe a new reason
  }

  dispose(): void {
    this.stateChanged.dispose();
  }

  private connect(): OpenHandsConnection {
    const settings = readSettings();
    if (this.gate.url !== settings.serverUrl) this.gate = { url: settings.serverUrl, gate: new RateLimitGate() };
    return new OpenHandsConnection({
      serverUrl: settings.serverUrl,
      apiVersion: settings.apiVersion,
      getApiKey: () => this.keys.get(),
      log: this.log,
      gate: this.gate.gate,
    });
  }

  /** A request succeeded: the streak is over. True when there was a problem to clear. */
  private clearProblem(): boolean {
    if (this.loggedStreak !== undefined) this.log.info('[session] the server answers again');
    this.loggedStreak = undefined;
    const had = this.problemValue !== undefined;
    this.problemValue = undefined;
    return had;
  }

  private announceRejection(error: ApiError): void {
    if (this.rejectionAnnounced) return;
    this.rejectionAnnounced = true;
    const text =
      error.kind === 'unauthorized'
        ? `The OpenHands server at ${this.serverUrl} rejected your API key.`
        : describeApiError(error, this.serverUrl);
    void showMessage('warning', text, 'Set API Key', 'Show Logs').then((choice) => {
      if (choice === 'Set API Key') void vscode.commands.executeCommand('openhands.setApiKey');
      if (choice === 'Show Logs') this.log.show();
    });
  }
}
