package io.sagesync.domain.policy;

/** Sage's {@code eu_goods_services_type_id} values for cross-border lines. */
public enum EuGoodsServicesType {
    GOODS,
    SERVICES
}
