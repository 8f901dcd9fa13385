// The single demo account behind every accepted API key, and the server-wide documents
// (users/me, keys/current, web-client/config) shaped as in openhands-cloud.json.
import { isoUtc } from './ids';

export const USER_ID = '7d3c1a52-0b4e-4f0e-9a55-2f1e6c1d9b10';
export const ORG_ID = '3f9b2c10-5d7e-4c6a-8e21-9a4b7c3d2e1f';
export const LLM_MODEL = 'litellm_proxy/claude-sonnet-4-5-20250929';

export function userInfo(): Record<string, unknown> {
  return {
    language: 'en',
    user_version: 4,
    remote_runtime_resource_factor: 1,
    secrets_store: { provider_tokens: {}, custom_secrets: {} },
    enable_sound_notifications: false,
    enable_proactive_conversation_starters: true,
    user_consents_to_analytics: false,
    sandbox_base_container_image: null,
    sandbox_runtime_container_image: null,
    disabled_skills: null,
    search_api_key: null,
    sandbox_api_key: null,
    max_budget_per_task: null,
    email: 'demo@example.com',
    email_verified: true,
    git_user_name: 'openhands',
    git_user_email: 'openhands@all-hands.dev',
    title_llm_profile: null,
    git_full_clone: false,
    v1_enabled: true,
    agent_settings: { agent: 'CodeActAgent', llm: { model: LLM_MODEL } },
    conversation_settings: { schema_version: 1, max_iterations: 500, confirmation_mode: false, security_analyzer: 'llm' },
    sandbox_grouping_strategy: 'NO_GROUPING',
    default_sandbox_spec_id: null,
    llm_profiles: { profiles: {}, active: null },
    active_agent_profile_id: null,
    active_agent_profile_revision: null,
    registered_marketplaces: [],
    inherited_marketplaces: [],
    id: USER_ID,
    org_id: ORG_ID,
    org_name: 'Demo Org',
    role: 'owner',
    permissions: ['conversations:read', 'conversations:write'],
  };
}

/** Keys are numbered by their position in the server's key list. */
export function currentKey(keyIndex: number): Record<string, unknown> {
  return { id: 1000 + keyIndex, name: `demo key ${keyIndex + 1}`, org_id: ORG_ID, bound_org_id: null, user_id: USER_ID, auth_type: 'api_key' };
}

export function webClientConfig(now: number): Record<string, unknown> {
  return {
    app_mode: 'saas',
    posthog_client_key: null,
    feature_flags: {
      enable_billing: false,
      hide_llm_settings: false,
      enable_jira: false,
      enable_jira_dc: false,
      enable_linear: false,
      hide_users_page: false,
      hide_billing_page: false,
      hide_integrations_page: false,
      hide_personal_workspaces: false,
      allow_user_llm_configuration: true,
      enable_acp: true,
      deployment_mode: 'cloud',
      enable_onboarding: false,
      enable_automations: true,
      enable_agent_canvas_banner: false,
    },
    providers_configured: ['github', 'gitlab'],
    maintenance_start_time: null,
    auth_url: null,
    recaptcha_site_key: null,
    faulty_models: [],
    error_message: null,
    updated_at: isoUtc(now),
    github_app_slug: 'openhands-ai',
    gitlab_enabled: true,
    provider_default_hosts: { github: 'github.com', gitlab: 'gitlab.com' },
    slack_enabled: false,
    email_enabled: false,
    email_change_enabled: true,
    acp_providers: [],
    jira_dc_oauth_host: null,
    jira_dc_service_account_managed: false,
    jira_dc_service_account_email: null,
    jira_dc_service_account_config_error: null,
    kind: 'WebClientConfig',
  };
}
