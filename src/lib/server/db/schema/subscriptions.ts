/** A resident's e-mail subscription to a municipality's reports, news and events. */
export type SubscriptionTable = {
  id: string;
  municipality_id: string;
  /** The address, trimmed and in lower case: the only personal data kept. */
  email: string;
  /** SHA-256 of the confirmation link's token; null once confirmed. */
  confirm_token_hash: string | null;
  /** When an unconfirmed request lapses; null once confirmed. */
  expires_at: string | null;
  confirmed_at: string | null;
  created_at: string;
};

/** One item (report, news item, event) mailed to one subscription. */
export type SubscriptionDeliveryTable = {
  subscription_id: string;
  item_kind: 'report' | 'news' | 'event';
  item_id: string;
  sent_at: string;
};
