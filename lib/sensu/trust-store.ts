/** One platform's way to trust the CA, as commands an operator can paste. */
export interface TrustStoreSteps {
  platform: string;
  /** Shell the commands are for, for the code block's label. */
  shell: "sh" | "powershell" | "cmd";
  commands: string[];
  note: string;
}

/**
 * The guide's trust-store section as commands. Linux copies rather than symlinks the file, so a
 * renewed ca.pem is trusted only when someone decides it should be.
 */
export function trustStoreSteps(linuxCaPath: string, bundleCaPath: string): TrustStoreSteps[] {
  const windowsPath = `.\\${bundleCaPath.replace(/\//g, "\\")}`;
  return [
    {
      platform: "Ubuntu / Debian",
      shell: "sh",
      commands: [
        "sudo apt-get install -y ca-certificates",
        `sudo cp ${linuxCaPath} /usr/local/share/ca-certificates/sensu-ca.crt`,
        "sudo update-ca-certificates",
      ],
      note: "update-ca-certificates only reads files ending in .crt, hence the new name.",
    },
    {
      platform: "RHEL / CentOS / Rocky",
      shell: "sh",
      commands: [
        "sudo yum install -y ca-certificates",
        `sudo cp ${linuxCaPath} /etc/pki/ca-trust/source/anchors/sensu-ca.pem`,
        "sudo update-ca-trust extract",
      ],
      note: "The guide's update-ca-trust force-enable is only needed on RHEL 6.",
    },
    {
      platform: "macOS",
      shell: "sh",
      commands: [
        `sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${bundleCaPath}`,
      ],
      note: "Trusted by every user and by system processes, without the guide's Keychain Access clicks.",
    },
    {
      platform: "Windows (PowerShell as Administrator)",
      shell: "powershell",
      commands: [`Import-Certificate -FilePath ${windowsPath} -CertStoreLocation Cert:\\LocalMachine\\Root`],
      note: `Or in an elevated Command Prompt: certutil -addstore -f Root ${windowsPath}`,
    },
  ];
}
