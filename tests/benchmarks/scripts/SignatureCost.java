/*
 * What one ES256 token costs the MaaS API to sign, by signature provider: the service's own TokenSigner (nimbus-jose-jwt,
 * the claims the service writes) with the JDK's provider and with the one the service detects at start (AWS-LC through
 * the Amazon Corretto Crypto Provider where its native library loads). Single-threaded; prints the CPU time per token
 * of the last of several rounds, after the JIT has compiled the path.
 *
 *   java -cp 'templates/token-service/service/target/classes:templates/token-service/service/target/lib/*' \
 *     tests/benchmarks/scripts/SignatureCost.java [tokens per round=5000]
 *
 * Not a test: it asserts nothing.
 */
import dev.maas.tokenservice.jwt.SignatureProvider;
import dev.maas.tokenservice.jwt.TokenClaims;
import dev.maas.tokenservice.jwt.TokenSigner;
import dev.maas.tokenservice.keys.SigningKey;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

public class SignatureCost {

  public static void main(String[] args) throws Exception {
    int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    SigningKey key =
        new SigningKey("bench", (ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    for (SignatureProvider provider : new SignatureProvider[] {SignatureProvider.jdk(), SignatureProvider.detect()}) {
      TokenSigner signer = new TokenSigner("https://maas.example", "maas", provider);
      long perToken = 0;
      for (int round = 0; round < 4; round++) {
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < tokens; i++) {
          signer.sign(new TokenClaims("jti-" + i, "user-" + i % 100, "premium", 1_800_000_000L, 1_800_003_600L), key);
        }
        perToken = (threads.getCurrentThreadCpuTime() - cpu) / tokens / 1000;
      }
      System.out.printf("%s: %d us of CPU per token%n", provider.description(), perToken);
    }
    System.out.println("load average: " + new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
  }
}
