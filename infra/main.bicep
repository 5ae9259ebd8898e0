// Shared Mailbox Bot on Azure: App Service (Linux, Node 20) behind a single-tenant Azure Bot with the
// Teams channel. One user-assigned managed identity is both the bot's identity and the app that calls
// Exchange Online and Microsoft Graph, so no client secret exists anywhere. Requests, decisions and the
// audit log live in Table Storage; its connection string reaches the app only through Key Vault.
//
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p @infra/main.parameters.json
// Then, once, as a tenant admin: grant the identity's service principal the Graph application roles
// User.Read.All, GroupMember.Read.All, User.ReadWrite.All, MailboxSettings.ReadWrite, the Exchange
// Online role Exchange.ManageAsApp, and the Exchange Recipient Administrator role (see README).

targetScope = 'resourceGroup'

@description('Short name used to derive resource names.')
@minLength(3)
@maxLength(12)
param name string = 'mailboxbot'

@description('Region of the App Service, storage, Key Vault and monitoring resources.')
param location string = resourceGroup().location

@description('Entra group whose transitive members are the bot\'s admins (ADMIN_GROUP_ID).')
param adminGroupId string

@description('Mail domains of the tenant, default first, comma-separated (MAIL_DOMAINS), e.g. contoso.com,contoso.onmicrosoft.com.')
param mailDomains string

@description('Microsoft 365 tenant the bot serves and manages; the deployment\'s tenant unless stated.')
param m365TenantId string = tenant().tenantId

@description('Days a request waits for a decision before it expires.')
@minValue(1)
@maxValue(90)
param requestLifetimeDays int = 7

@description('Optional: the most days a time-bound grant may last (whole number); empty for no limit.')
param maxGrantDays string = ''

@description('Optional: days between scheduled access reviews of each shared mailbox with owners (whole number); empty for reviews on demand only.')
param reviewEveryDays string = ''

@description('Seconds an instance holds a request it is executing before another instance may take it over.')
@minValue(2)
@maxValue(3600)
param executionLeaseSeconds int = 300

@description('Seconds a tenant report stays with the instance building it after its last checkpoint, before another may resume it.')
@minValue(2)
@maxValue(3600)
param reportLeaseSeconds int = 300

@description('Seconds between sweeps that expire requests, end time-bound grants and resume executions.')
@minValue(1)
@maxValue(60)
param sweepIntervalSeconds int = 30

@allowed(['debug', 'info', 'warn', 'error'])
param logLevel string = 'info'

@description('Microsoft Graph origin (change only for sovereign clouds).')
param graphBaseUrl string = 'https://graph.microsoft.com'

@description('Exchange Online origin (change only for sovereign clouds).')
param exchangeBaseUrl string = 'https://outlook.office365.com'

@description('App Service plan size; B1 runs one instance, P0v3 and up allow several behind the load balancer.')
param appServiceSku string = 'B1'

@description('Instances behind the load balancer; each paces its sends to Teams at its share of the limits.')
@minValue(1)
@maxValue(50)
param botInstances int = 1

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are not metered) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Command App Service runs in the deployed folder.')
param startCommand string = 'npm start'

var suffix = uniqueString(resourceGroup().id, name)
var appPort = '8080'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${name}-${suffix}'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('st${toLower(replace(name, '-', ''))}${suffix}', 24)
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv-${name}-${suffix}', 24)
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

// The whole STORE value is the secret, so the app setting is nothing but a Key Vault reference.
resource storeSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'store'
  properties: {
    value: 'azure-tables:DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${name}-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku, capacity: botInstances }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${name}-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: startCommand
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'PORT', value: appPort }
        { name: 'WEBSITES_PORT', value: appPort }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'AZURE_TENANT_ID', value: m365TenantId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'GRAPH_BASE_URL', value: graphBaseUrl }
        { name: 'EXCHANGE_BASE_URL', value: exchangeBaseUrl }
        { name: 'ADMIN_GROUP_ID', value: adminGroupId }
        { name: 'MAIL_DOMAINS', value: mailDomains }
        { name: 'STORE', value: '@Microsoft.KeyVault(SecretUri=${storeSecret.properties.secretUri})' }
        { name: 'REQUEST_LIFETIME_DAYS', value: string(requestLifetimeDays) }
        { name: 'MAX_GRANT_DAYS', value: maxGrantDays }
        { name: 'REVIEW_EVERY_DAYS', value: reviewEveryDays }
        { name: 'EXECUTION_LEASE_SECONDS', value: string(executionLeaseSeconds) }
        { name: 'REPORT_LEASE_SECONDS', value: string(reportLeaseSeconds) }
        { name: 'SWEEP_INTERVAL_SECONDS', value: string(sweepIntervalSeconds) }
        { name: 'BOT_INSTANCES', value: string(botInstances) }
        { name: 'PUBLIC_URL', value: 'https://app-${name}-${suffix}.azurewebsites.net' }
        { name: 'LOG_LEVEL', value: logLevel }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
      ]
    }
  }
  dependsOn: [identityReadsSecrets]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${name}-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'Shared Mailbox Bot'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

@description('BOT_ID for `npm run package` (the Teams app package).')
output botId string = identity.properties.clientId

@description('BOT_DOMAIN for `npm run package`.')
output botDomain string = app.properties.defaultHostName

@description('Object id of the managed identity: grant it the Graph and Exchange roles listed above.')
output identityPrincipalId string = identity.properties.principalId
