package dev.tenure.hr.rest;

import dev.tenure.common.jwt.JwtVerificationKeyCheck;
import jakarta.enterprise.context.ApplicationScoped;

/** Refuses to start without a readable token-verification key (TENURE_JWT_PUBLIC_KEY): {@link JwtVerificationKeyCheck}. */
@ApplicationScoped
public class JwtKeyCheck extends JwtVerificationKeyCheck {
}
