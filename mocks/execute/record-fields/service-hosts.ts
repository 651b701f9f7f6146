// Each service's base URL for the URLs in its records, used when the caller gives no host. Tenanted services use a
// fictional tenant ("acme"); the engine passes the host it knows when it has one.
const SERVICE_HOSTS: Readonly<Record<string, string>> = {
  airtable: 'https://airtable.com', 'amazon-ads': 'https://advertising-api.amazon.com', 'amazon-seller-partner': 'https://sellingpartnerapi-na.amazon.com',
  amplitude: 'https://analytics.amplitude.com', asana: 'https://app.asana.com', ashby: 'https://app.ashbyhq.com',
  chargebee: 'https://acme.chargebee.com', 'clickup-api': 'https://app.clickup.com', confluence: 'https://acme.atlassian.net/wiki',
  'facebook-marketing': 'https://www.facebook.com', freshdesk: 'https://acme.freshdesk.com', github: 'https://github.com',
  gitlab: 'https://gitlab.com', gmail: 'https://mail.google.com', gong: 'https://app.gong.io', 'google-ads': 'https://ads.google.com',
  'google-analytics-data-api': 'https://analytics.google.com', 'google-drive': 'https://drive.google.com',
  'google-search-console': 'https://search.google.com', granola: 'https://notes.granola.ai', greenhouse: 'https://app.greenhouse.io',
  harvest: 'https://acme.harvestapp.com', hubspot: 'https://app.hubspot.com', 'incident-io': 'https://app.incident.io',
  intercom: 'https://app.intercom.com', jira: 'https://acme.atlassian.net', klaviyo: 'https://www.klaviyo.com', linear: 'https://linear.app',
  'linkedin-ads': 'https://www.linkedin.com', mailchimp: 'https://us21.admin.mailchimp.com', monday: 'https://acme.monday.com',
  notion: 'https://www.notion.so', orb: 'https://app.withorb.com', 'paypal-transaction': 'https://www.paypal.com',
  pinterest: 'https://www.pinterest.com', pylon: 'https://app.usepylon.com', salesforce: 'https://acme.my.salesforce.com',
  sendgrid: 'https://app.sendgrid.com', sentry: 'https://acme.sentry.io', shopify: 'https://acme.myshopify.com', slack: 'https://acme.slack.com',
  'snapchat-marketing': 'https://ads.snapchat.com', stripe: 'https://dashboard.stripe.com', 'tiktok-marketing': 'https://ads.tiktok.com',
  twilio: 'https://api.twilio.com', typeform: 'https://acme.typeform.com', woocommerce: 'https://shop.acme.example',
  'zendesk-chat': 'https://acme.zendesk.com', 'zendesk-support': 'https://acme.zendesk.com', 'zendesk-talk': 'https://acme.zendesk.com',
  'zoho-crm': 'https://crm.zoho.com',
};

/** The host for a connector's URLs: the one asked for, else the service's own, else a placeholder under example.com. */
export const hostOf = (connector: string, asked: string | undefined) =>
  (asked ?? SERVICE_HOSTS[connector] ?? `https://${connector}.example.com`).replace(/\/+$/, '');
