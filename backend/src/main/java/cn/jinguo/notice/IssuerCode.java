package cn.jinguo.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** 机关代字: the prefix of an org's document numbers, e.g. 渝妇发 in 渝妇发〔2024〕5号. */
@Entity
@Table(name = "issuer_code")
public class IssuerCode {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "org_id")
    public long orgId;

    public String code;
    public String description;
    public boolean active = true;

    @Version
    public int version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
