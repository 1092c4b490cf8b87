package org.helpline.channel.whatsapp.dto;

/** A message template approved in WhatsApp Manager, by its name and language. */
public record WhatsAppTemplate(String name, Language language) {

  /** The template's language ({@code en_GB}). */
  public record Language(String code) {
  }
}
