package dev.iamaudit.rules;

import dev.iamaudit.inventory.ApiKey;
import dev.iamaudit.inventory.Entity;
import dev.iamaudit.inventory.KeyOwner;
import java.time.Instant;

/**
 * Writes one finding's message left to right into the caller's buffer: what was seen, then the fix.
 * The pieces every message shares (how an identity is named, dates and ages, the IBM Cloud CLI
 * commands, the allowlist entry that would accept the finding) are written here once, so all rules
 * word them alike.
 *
 * <pre>{@code
 * Message.to(out).identity(entity).owner(key).text(" was created ").ago(key.createdAt(), asOf)
 *     .text(". Fix: delete it with ").deleteKey(key).text(", ").allowlist(entity, id()).text('.');
 * }</pre>
 */
public final class Message {
  private final StringBuilder out;

  private Message(StringBuilder out) {
    this.out = out;
  }

  public static Message to(StringBuilder out) {
    return new Message(out);
  }

  public Message text(String text) {
    out.append(text);
    return this;
  }

  public Message text(char c) {
    out.append(c);
    return this;
  }

  public Message number(long n) {
    out.append(n);
    return this;
  }

  /** "API key 'ci-deployer' (ApiKey-1)": how every message names an identity. */
  public Message identity(Entity entity) {
    entity.describeTo(out);
    return this;
  }

  /**
   * " of user 'Jane' (IBMid-1)" or " of service ID 'builder' (ServiceId-9)"; nothing when the owner
   * is unknown.
   */
  public Message owner(ApiKey key) {
    KeyOwner owner = key.owner();
    if (owner.id() == null) {
      return this;
    }
    out.append(owner.isUser() ? " of user " : " of service ID ");
    if (owner.name() == null || owner.name().isEmpty()) {
      out.append(owner.id());
    } else {
      out.append('\'').append(owner.name()).append("' (").append(owner.id()).append(')');
    }
    return this;
  }

  /** The UTC date, "2026-05-06". */
  public Message date(Instant instant) {
    Ages.appendDate(out, Ages.date(instant));
    return this;
  }

  /** "2026-05-06, 202 days ago". */
  public Message ago(Instant then, Instant now) {
    Ages.ago(out, then, now);
    return this;
  }

  /** "1 day" or "90 days". */
  public Message days(long days) {
    Ages.count(out, days);
    return this;
  }

  /** "'ibmcloud iam api-key-delete ApiKey-1'", or the service ID form for a service ID's key. */
  public Message deleteKey(ApiKey key) {
    if (!key.ownedByUser() && key.owner().id() != null) {
      out.append("'ibmcloud iam service-api-key-delete ")
          .append(key.id())
          .append(' ')
          .append(key.owner().id())
          .append('\'');
    } else {
      out.append("'ibmcloud iam api-key-delete ").append(key.id()).append('\'');
    }
    return this;
  }

  /** "or accept it in the allowlist with match: { id: ApiKey-1 }, rules: [apikey-inactive]". */
  public Message allowlist(Entity entity, String ruleId) {
    out.append("or accept it in the allowlist with match: { id: ")
        .append(entity.id())
        .append(" }, rules: [")
        .append(ruleId)
        .append(']');
    return this;
  }
}
