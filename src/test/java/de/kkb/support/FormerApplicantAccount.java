package de.kkb.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * An engine account of a municipality, as earlier versions of the platform had them (the demo user
 * {@code kommune-musterstadt}, applicants starting requests in Tasklist): a user in no group. The
 * platform creates no such account any more; tests create it to show that such an account has no
 * rights at all. Create it before a test and delete it after, so that other tests see only the
 * platform's own users: {@code @ExtendWith(FormerApplicantAccount.class)} on a platform test does
 * both for every test; {@link #create} and {@link #delete} do it around a few lines.
 */
public final class FormerApplicantAccount implements BeforeEachCallback, AfterEachCallback {

  public static final String ID = "kommune-altkonto";
  public static final String PASSWORD = "demo";

  @Override
  public void beforeEach(ExtensionContext context) {
    create(identityService(context));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    delete(identityService(context));
  }

  private static IdentityService identityService(ExtensionContext context) {
    return SpringExtension.getApplicationContext(context).getBean(IdentityService.class);
  }

  /** Creates the account unless it exists. */
  public static String create(IdentityService identityService) {
    if (identityService.createUserQuery().userId(ID).count() == 0) {
      User user = identityService.newUser(ID);
      user.setFirstName("Maria");
      user.setLastName("Muster");
      user.setEmail("buergermeisterbuero@musterstadt.example.org");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    return ID;
  }

  public static void delete(IdentityService identityService) {
    if (identityService.createUserQuery().userId(ID).count() > 0) {
      identityService.deleteUser(ID);
    }
  }
}
