declare module "vnu-jar" {
  const jarPath: string;
  export default jarPath;
}
