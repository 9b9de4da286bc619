package de.kkb.intake;

import jakarta.validation.constraints.Size;

/** The body of a withdrawal: an optional reason. */
public record WithdrawalForm(
    @Size(max = 2000, message = "Die Begründung hat höchstens 2000 Zeichen.")
    @PlainText(multiline = true)
    String reason) {
}
