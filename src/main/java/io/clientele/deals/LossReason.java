package io.clientele.deals;

/** Why a deal was lost, from the administrator's list. */
public record LossReason(long id, String name, boolean active) {
}
